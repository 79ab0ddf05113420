#!/bin/sh
# Makes the EventStoreDB cluster's TLS material with openssl: a private CA and one certificate
# per node (serverAuth + clientAuth, since nodes also connect to each other), the layout that
# docker-compose.yml mounts:
#
#   infra/certs/out/ca/ca.crt                  (trusted root: nodes and app containers)
#   infra/certs/out/node{1,2,3}/node.crt, .key  (each mounted into its own node only)
#   infra/certs/out/ca-private/ca.key          (mounted nowhere; move it offline)
#
# The node certificates carry the common name EventStoreDB expects of cluster nodes
# (eventstoredb-node) and the names and addresses the nodes and clients use.
# es-gencert-cli (docker run --rm -v "$PWD/infra/certs/out:/certs" eventstore/es-gencert-cli
# create-ca / create-node) makes the same layout, if you prefer it.
#
# Usage: infra/certs/make-certs.sh [out-dir]   (run as root so keys can be given to uid 1000)
# Keep ca-private/ offline after this: it is only needed to issue or renew node certificates.
set -eu

OUT=${1:-$(dirname "$0")/out}
DAYS_CA=${DAYS_CA:-1825}
DAYS_NODE=${DAYS_NODE:-365}
# Must match docker-compose.yml (host names and the esdb network's fixed addresses).
NODES="1:esdb1:172.31.40.11 2:esdb2:172.31.40.12 3:esdb3:172.31.40.13"

umask 077
mkdir -p "$OUT/ca" "$OUT/ca-private"
if [ ! -f "$OUT/ca-private/ca.key" ]; then
  openssl req -x509 -newkey rsa:4096 -nodes -sha256 -days "$DAYS_CA" \
    -keyout "$OUT/ca-private/ca.key" -out "$OUT/ca/ca.crt" \
    -subj "/CN=Integrity Desk EventStoreDB CA" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign"
fi

for spec in $NODES; do
  n=${spec%%:*}; rest=${spec#*:}; host=${rest%%:*}; ip=${rest#*:}
  dir="$OUT/node$n"
  mkdir -p "$dir"
  ext=$(mktemp)
  cat > "$ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=DNS:$host,DNS:localhost,IP:$ip,IP:127.0.0.1
EXT
  openssl req -new -newkey rsa:2048 -nodes -sha256 \
    -keyout "$dir/node.key" -out "$dir/node.csr" -subj "/CN=eventstoredb-node"
  openssl x509 -req -in "$dir/node.csr" -CA "$OUT/ca/ca.crt" -CAkey "$OUT/ca-private/ca.key" \
    -CAserial "$OUT/ca-private/ca.srl" -CAcreateserial -days "$DAYS_NODE" -sha256 -extfile "$ext" -out "$dir/node.crt"
  rm -f "$dir/node.csr" "$ext"
  openssl verify -CAfile "$OUT/ca/ca.crt" "$dir/node.crt" >/dev/null
done

chmod 755 "$OUT" "$OUT"/ca "$OUT"/node*
chmod 644 "$OUT"/ca/ca.crt "$OUT"/node*/node.crt
# EventStoreDB runs as uid 1000 in its image and must read its key.
if [ "$(id -u)" = 0 ]; then
  chown 1000:1000 "$OUT"/node*/node.key
  chmod 600 "$OUT"/node*/node.key
else
  chmod 644 "$OUT"/node*/node.key
  echo "warning: not root, so node keys are world-readable; run: sudo chown 1000:1000 $OUT/node*/node.key && sudo chmod 600 $OUT/node*/node.key" >&2
fi
echo "certificates in $OUT (CA valid $DAYS_CA days, nodes $DAYS_NODE days)"
