/**
 * The Chromium the suite runs. In Chromium 156 every browser context opens a window whose address-bar popup is a web
 * page of its own (chrome://omnibox-popup.top-chrome/, a renderer process): measured here at ~0.35 s of CPU per
 * context, a new context per test, with no use in a headless test (README "Tests"). Those features are switched
 * off. Chromium keeps only the last `--disable-features`, so the list repeats the one Playwright passes itself
 * (PLAYWRIGHT_DISABLED_FEATURES, playwright-core 1.65; test/unit/e2e-specs.test.ts checks it still covers it).
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

const OMNIBOX_POPUP_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup", "OmniboxEverywhere", "WebUILocationBar"];

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OMNIBOX_POPUP_FEATURES].join(",")}`,
];
