/** Name of the hidden form field that carries the CSRF token (shared by the form component and the server check). */
export const CSRF_FIELD = "csrf";
