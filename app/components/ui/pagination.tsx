import { Link } from "@remix-run/react";

/** Previous/next links; pages are plain links, so they work without JavaScript and can be bookmarked. */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="utrecht-pagination rd-pagination" aria-label="Paginering">
      {page > 1 ? (
        <Link className="utrecht-link" to={hrefFor(page - 1)} rel="prev">
          Vorige pagina
        </Link>
      ) : null}
      <span aria-current="page">
        Pagina {page} van {pageCount}
      </span>
      {page < pageCount ? (
        <Link className="utrecht-link" to={hrefFor(page + 1)} rel="next">
          Volgende pagina
        </Link>
      ) : null}
    </nav>
  );
}
