/**
 * The site's icon: written to build/public as a content-hashed static file for the pages' `<link rel="icon">`, and
 * answered by the Worker at the fixed names browsers ask for on their own (/favicon.ico, /favicon.svg).
 */
export const faviconSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/><path d="M8 22V10h4v12zm6 0V14h4v8zm6 0V6h4v16z" fill="#fff"/></svg>';
