// Every page is prerendered into a static file; nothing is rendered per request.
export const prerender = true;
export const trailingSlash = 'never';
