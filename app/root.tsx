import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunction,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import utrechtComponents from "./styles/utrecht.css";
import utrechtTokens from "@utrecht/design-tokens/dist/theme.css";
import { useNonce } from "./components/nonce";
import { usePageScripts } from "./components/page-scripts";
import { CsrfField } from "./components/form";
import { Alert } from "./components/ui/alert";
import { Heading, Paragraph, TextLink } from "./components/ui/text";
import { navFor } from "./domain/navigation";
import { ROLE_LABELS } from "./domain/roles";
import theme from "./styles/theme.css";
import { csrfToken } from "./utils/csrf.server";
import { takeFlash } from "./utils/flash.server";
import { currentUser } from "./auth/guard.server";
import { isRefusal } from "./domain/refusal";
import { megabytes } from "~/domain/file-limits";
import { fileLimits } from "~/utils/file-limits.server";

/** Routes set their own title; this one is for the error page, which replaces them. */
export const meta: MetaFunction = ({ error }) => {
  const status = isRouteErrorResponse(error) ? error.status : error ? 500 : undefined;
  return [{ title: status ? `${errorText(status).title} · Rode Draad` : "Rode Draad" }];
};

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: utrechtTokens },
  { rel: "stylesheet", href: utrechtComponents },
  { rel: "stylesheet", href: theme },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/**
 * After any form send the root loads again, also when the action refused it (Remix skips that by default): the flash
 * of an earlier save must not stand above a new error.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  (formMethod !== undefined && formMethod.toUpperCase() !== "GET") || defaultShouldRevalidate;

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, csrf, flash] = await Promise.all([currentUser(request), csrfToken(request), takeFlash(request)]);
  const headers = new Headers();
  if (csrf.setCookie) headers.append("Set-Cookie", csrf.setCookie);
  if (flash.setCookie) headers.append("Set-Cookie", flash.setCookie);
  return data(
    {
      csrf: csrf.token,
      flash: flash.message ?? null,
      /** The largest file a form takes (FILE_MAX_MB), as the upload forms say it. */
      fileLimit: megabytes(fileLimits().maxBytes),
      user: user
        ? { name: user.name, roles: user.roles.map((r) => ROLE_LABELS[r]), nav: user.mustChangePassword ? [] : navFor(user.roles) }
        : null,
    },
    { headers },
  );
}

function SiteHeader() {
  const root = useRouteLoaderData<typeof loader>("root");
  const user = root?.user;
  return (
    <header className="utrecht-page-header rd-header">
      <div className="utrecht-page-header__content rd-header__content">
        <a href="/" className="rd-brand">
          Rode Draad
        </a>
        {user ? (
          <div className="rd-header__user">
            <span>
              {user.name} <span className="rd-muted">({user.roles.join(", ")})</span>
            </span>
            <a href="/account/sessies" className="rd-header__account">
              Mijn sessies
            </a>
            <Form method="post" action="/logout" className="rd-inline-form">
              <CsrfField />
              <button type="submit" className="utrecht-button utrecht-button--subtle">
                Uitloggen
              </button>
            </Form>
          </div>
        ) : null}
      </div>
      {user && user.nav.length > 0 ? (
        <nav className="utrecht-nav-bar rd-nav" aria-label="Hoofdmenu">
          <ul className="utrecht-nav-list rd-nav__list">
            {user.nav.map((item) => (
              <li key={item.to} className="utrecht-nav-list__item">
                <NavLink to={item.to} end={item.to === "/"} className="utrecht-nav-list__link rd-nav__link">
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

/**
 * The confirmation after a save. Focus moves to it (autofocus on a full page load, an effect after a client-side
 * navigation), so keyboard and screen-reader users hear what happened instead of starting again at the top. It goes
 * as soon as another form is sent, so it never stands above the errors of that next send.
 */
function Flash() {
  // A new object after every load of the root: a new save, not a jump to an anchor on the same page.
  const root = useRouteLoaderData<typeof loader>("root");
  const message = root?.flash;
  const ref = useRef<HTMLDivElement>(null);
  const [sentWith, setSentWith] = useState<typeof root | null>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message, root]);
  useEffect(() => {
    const hide = () => setSentWith(root);
    document.addEventListener("submit", hide);
    return () => document.removeEventListener("submit", hide);
  }, [root]);
  if (!message || sentWith === root) return null;
  return (
    <div ref={ref} tabIndex={-1} autoFocus className="rd-flash">
      <Alert type="ok">{message}</Alert>
    </div>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const scripts = usePageScripts();
  return (
    <html lang="nl" className="utrecht-theme rd-theme">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <Meta />
        <Links />
      </head>
      <body className="utrecht-page-body utrecht-body rd-body">
        <a href="#inhoud" className="utrecht-skip-link utrecht-skip-link--visible-on-focus">
          Naar de inhoud
        </a>
        <SiteHeader />
        <main id="inhoud" className="utrecht-page-content rd-main" tabIndex={-1}>
          <Flash />
          {children}
        </main>
        <footer className="utrecht-page-footer rd-footer">
          <p className="utrecht-paragraph">
            Rode Draad · vertrouwelijk · intermediair vrijgevestigde jeugdhulp ·{" "}
            <a className="utrecht-link" href="/melden">
              Signaal melden
            </a>{" "}
            ·{" "}
            <a className="utrecht-link" href="/vragen">
              Veelgestelde vragen
            </a>{" "}
            ·{" "}
            <a className="utrecht-link" href="/voorbeelden">
              Goede voorbeelden
            </a>{" "}
            ·{" "}
            <a className="utrecht-link" href="/privacy">
              Privacy
            </a>{" "}
            ·{" "}
            <a className="utrecht-link" href="/toegankelijkheid">
              Toegankelijkheid
            </a>
          </p>
        </footer>
        {scripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

const ERROR_TEXT: Record<number, { title: string; body: string }> = {
  403: { title: "Geen toegang", body: "U heeft geen toegang tot deze pagina. Denkt u dat dit niet klopt? Vraag het de beheerder." },
  404: { title: "Niet gevonden", body: "Deze pagina of dit gegeven bestaat niet (meer)." },
  413: { title: "Te groot", body: "Wat u verstuurde is groter dan deze pagina aanneemt. Er is niets opgeslagen." },
  429: { title: "Te veel pogingen", body: "U heeft het te vaak geprobeerd. Wacht een kwartier en probeer het dan opnieuw." },
};

function errorText(status: number) {
  return (
    ERROR_TEXT[status] ?? {
      title: "Er ging iets mis",
      body: "Er is een onverwachte fout opgetreden. Er is niets opgeslagen van de laatste handeling. Probeer het opnieuw.",
    }
  );
}

/** One error page for every route; it never shows an error's message, which may quote confidential input. */
export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const text = errorText(status);
  // Only the refusals the app throws itself carry an explanation it wrote (never an error's message).
  const detail = isRouteErrorResponse(error) && isRefusal(error.data) ? error.data.refusal : undefined;
  return (
    <section className="rd-section">
      <Heading level={1}>{text.title}</Heading>
      <Paragraph>{detail ?? text.body}</Paragraph>
      <Paragraph>
        <TextLink to="/">Naar de startpagina</TextLink>
      </Paragraph>
    </section>
  );
}
