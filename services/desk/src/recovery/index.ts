export {
  afterKeyChange,
  RecoveryRefusedError,
  resetAfterKeyChange,
  resetTotpByOperator,
  type KeyChangeOutcome,
  type OperatorReset,
  type RecoveryDeps,
} from './operator-reset.ts';
