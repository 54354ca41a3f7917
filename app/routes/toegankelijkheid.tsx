import type { MetaFunction } from "@remix-run/node";
import { WITHOUT_SCRIPTS } from "~/components/page-scripts";
import { Heading, ListItem, Paragraph, UnorderedList } from "~/components/ui/text";

export const meta: MetaFunction = () => [{ title: "Toegankelijkheidsverklaring · Rode Draad" }];

/** Works as a plain HTML form; sent without JavaScript. */
export const handle = WITHOUT_SCRIPTS;

export default function AccessibilityPage() {
  return (
    <section className="rd-section">
      <Heading level={1}>Toegankelijkheidsverklaring</Heading>
      <Paragraph>
        Rode Draad wil voor iedereen bruikbaar zijn. Deze website is gebouwd om te voldoen aan de Web Content Accessibility
        Guidelines (WCAG) 2.1 op niveau AA, de norm die geldt voor Nederlandse overheden (Besluit digitale toegankelijkheid
        overheid, DigiToegankelijk).
      </Paragraph>
      <Heading level={2}>Wat we doen</Heading>
      <UnorderedList>
        <ListItem>Alle pagina&apos;s werken met alleen het toetsenbord, met een zichtbare focus en een link &lsquo;Naar de inhoud&rsquo;.</ListItem>
        <ListItem>Het meldformulier werkt ook zonder JavaScript; fouten staan bij het veld en bovenaan, met een link naar het veld.</ListItem>
        <ListItem>Elke pagina wordt bij elke wijziging automatisch getoetst met axe op de regels van WCAG 2.1 A en AA.</ListItem>
        <ListItem>We gebruiken de componenten van het NL Design System.</ListItem>
      </UnorderedList>
      <Heading level={2}>Status</Heading>
      <Paragraph>
        De automatische toetsen vinden geen fouten. Een volledig onderzoek door een onafhankelijke deskundige is nog niet
        uitgevoerd; tot dan is de status &lsquo;voldoet gedeeltelijk&rsquo;.
      </Paragraph>
      <Heading level={2}>Iets werkt niet?</Heading>
      <Paragraph>
        Meld het ons via het <a className="utrecht-link" href="/melden">meldformulier</a> (kies &lsquo;Iets anders&rsquo;). We reageren
        binnen vijf werkdagen.
      </Paragraph>
    </section>
  );
}
