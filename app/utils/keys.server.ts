import type { FieldCipher } from "./crypto.server";
import type { Secrets } from "./secrets.server";

export type Keys = { secrets: Secrets; cipher: FieldCipher };

let loader: (() => Keys) | undefined;
let loaded: Keys | undefined;

/**
 * Which keys may be generated, and whether the configured one fits, depends on what the database holds, so the
 * loading lives with the models (models/keys.server.ts hands it in when it is first imported); the cookies, tokens
 * and receipt codes here only need the keys themselves.
 */
export function provideKeys(load: () => Keys): void {
  loader = load;
  loaded = undefined;
}

function keys(): Keys {
  if (!loaded) {
    if (!loader) throw new Error("De sleutels zijn nog niet geladen: importeer models/keys.server.ts (boot doet dat).");
    loaded = loader();
  }
  return loaded;
}

export function secrets(): Secrets {
  return keys().secrets;
}

/** The one way to seal and open confidential fields. */
export function fieldCipher(): FieldCipher {
  return keys().cipher;
}
