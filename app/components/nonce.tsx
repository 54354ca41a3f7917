import { createContext, useContext } from "react";

/** The CSP nonce reaches <Scripts> through context; in the browser it is empty, as it should be. */
export const NonceContext = createContext("");
export const useNonce = () => useContext(NonceContext);
