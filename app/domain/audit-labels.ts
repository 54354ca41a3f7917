/**
 * What the audit log's codes mean, in Dutch, for the audit page. The log itself keeps the codes (stable, searchable,
 * part of the hash chain); only the page translates. A code without a label is shown as it is.
 */
export const AUDIT_ACTION_LABELS = {
  "setup.first_account": "Eerste account aangemaakt",
  "auth.login": "Ingelogd",
  "auth.login_failed": "Inloggen mislukt",
  "auth.login_refused": "Inloggen geweigerd (te veel pogingen)",
  "auth.logout": "Uitgelogd",
  "auth.password_changed": "Eigen wachtwoord gewijzigd",
  "auth.sessions_ended": "Sessies beëindigd",
  "auth.notifications_chosen": "Keuze e-mailmeldingen gewijzigd",
  "auth.second_factor_enrolled": "Tweestapsverificatie ingesteld",
  "auth.second_factor_failed": "Onjuiste code tweestapsverificatie",
  "auth.recovery_code_used": "Herstelcode gebruikt",
  "user.created": "Account aangemaakt",
  "user.updated": "Account gewijzigd",
  "user.disabled": "Account uitgeschakeld",
  "user.enabled": "Account weer ingeschakeld",
  "user.temporary_password_set": "Tijdelijk wachtwoord ingesteld",
  "user.second_factor_reset": "Tweestapsverificatie teruggezet",
  "reference.municipality_moved": "Gemeente naar andere regio verplaatst",
  "reference.table_uploaded": "Regiotabel geüpload",
  "reference.table_applied": "Regiotabel toegepast",
  "signal.created": "Signaal vastgelegd",
  "signal.viewed": "Signaal geopend",
  "signal.classified": "Classificatie gewijzigd",
  "signal.status_changed": "Status van signaal gewijzigd",
  "signal.note_added": "Notitie bij signaal",
  "signal.assigned": "Signaal toegewezen",
  "signal.exported": "Signalen geëxporteerd",
  "signal.imported": "Signalen geïmporteerd",
  "signal.import_undone": "Import ongedaan gemaakt",
  "portal.submitted": "Melding via het meldformulier",
  "portal.message_received": "Bericht van een melder",
  "portal.reply_sent": "Bericht aan een melder",
  "trajectory.created": "Traject gestart",
  "trajectory.viewed": "Traject geopend",
  "trajectory.signal_linked": "Signaal aan traject gekoppeld",
  "trajectory.signal_unlinked": "Signaal van traject ontkoppeld",
  "trajectory.step_changed": "Stap van traject gewijzigd",
  "trajectory.note_added": "Notitie bij traject",
  "trajectory.plan_revised": "Nieuwe versie plan van aanpak",
  "trajectory.outcomes_set": "Uitkomsten van traject opgeslagen",
  "trajectory.closed": "Traject gesloten",
  "trajectory.reopened": "Traject heropend",
  "trajectory.advisers_set": "Regioadviseurs van traject gewijzigd",
  "trajectory.reanalysis_dismissed": "Herbeoordeling afgehandeld zonder nieuw plan",
  "trajectory.escalation_added": "Escalatie vastgelegd",
  "trajectory.contact_added": "Gesprek met externen vastgelegd",
  "trajectory.lesson_added": "Les vastgelegd",
  "trajectory.imported": "Trajecten geïmporteerd",
  "retention.anonymised": "Geanonimiseerd na de bewaartermijn",
  "report.narrative_saved": "Tekst van het jaarrapport opgeslagen",
  "report.published": "Jaarrapport gepubliceerd",
  "report.pdf_downloaded": "Jaarrapport als PDF gedownload",
  "report.colophon_changed": "Colofon van het jaarrapport gewijzigd",
  "report.threshold_changed": "Drempel voor kleine aantallen gewijzigd",
  "demo.seeded": "Demogegevens geladen",
  "data_subject.searched": "Gezocht naar een betrokkene",
  "data_subject.exported": "Gegevens van een betrokkene geëxporteerd",
  "data_subject.erased": "Gegevens van een betrokkene gewist",
  "security.data_key_rotated": "Gegevenssleutel vervangen",
  "procurement.milestone_added": "Aanbestedingsstuk toegevoegd",
  "procurement.milestone_changed": "Aanbestedingsstuk gewijzigd",
} as const satisfies Record<string, string>;

const ENTITY_LABELS: Record<string, string> = {
  signal: "Signaal",
  trajectory: "Traject",
  user: "Account",
  milestone: "Aanbestedingsstuk",
  municipality: "Gemeente",
  report: "Rapport",
  import_batch: "Import",
  region_table_upload: "Regiotabel",
};

export function auditActionLabel(code: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[code] ?? code;
}

/** "Signaal 12" for the record an entry is about. */
export function auditEntityLabel(type: string | null, id: string | null): string {
  if (!type) return "—";
  return `${ENTITY_LABELS[type] ?? type}${id ? ` ${id}` : ""}`;
}
