/** "Home » Section » Sub-section": the last crumb is the current page. */
export function Breadcrumb({ trail }: { trail: { label: string; href?: string | undefined }[] }) {
  return (
    <nav class="breadcrumb" aria-label="Breadcrumb">
      <ol>
        <li>
          <a href="/">Home</a>
        </li>
        {trail.map((crumb, i) => (
          <li key={i}>
            <span class="crumb-sep" aria-hidden="true">
              »
            </span>
            {crumb.href ? (
              <a href={crumb.href}>{crumb.label}</a>
            ) : (
              <span aria-current="page">{crumb.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}
