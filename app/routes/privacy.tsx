import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { WITHOUT_SCRIPTS } from "~/components/page-scripts";
import { Heading, ListItem, Paragraph, UnorderedList } from "~/components/ui/text";
import { env } from "~/utils/env.server";

export const meta: MetaFunction = () => [{ title: "Privacyverklaring · Rode Draad" }];

/** Works as a plain HTML form; sent without JavaScript. */
export const handle = WITHOUT_SCRIPTS;

export function loader() {
  return { retentionMonths: env().RETENTION_MONTHS };
}

export default function PrivacyPage() {
  const { retentionMonths } = useLoaderData<typeof loader>();
  return (
    <section className="rd-section">
      <Heading level={1}>Privacyverklaring</Heading>
      <Heading level={2}>Wat we bewaren</Heading>
      <UnorderedList>
        <ListItem>Wat u meldt: uw rol in het algemeen, de regio (en eventueel gemeente), het onderwerp en uw tekst.</ListItem>
        <ListItem>Alleen als u vertrouwelijk met contactgegevens meldt: uw naam, organisatie, e-mailadres en telefoonnummer.</ListItem>
        <ListItem>Berichten tussen u en de intermediair.</ListItem>
        <ListItem>
          Niet: uw IP-adres bij de melding, cookies om u te volgen, of uw ontvangstcode (alleen een onomkeerbare, versleutelde
          afgeleide daarvan).
        </ListItem>
      </UnorderedList>
      <Heading level={2}>Wie het kan lezen</Heading>
      <Paragraph>
        Alleen de intermediair. Tekst en contactgegevens worden versleuteld opgeslagen. Rapportages bevatten alleen totalen,
        nooit iets dat naar u of uw praktijk herleidbaar is. Elke inzage wordt vastgelegd.
      </Paragraph>
      <Heading level={2}>Hoe lang</Heading>
      <Paragraph>
        Tot {retentionMonths} maanden nadat uw melding is afgerond. Daarna worden uw tekst, contactgegevens en berichten
        verwijderd; alleen de classificatie (zoals regio en onderwerp) blijft voor de jaarcijfers.
      </Paragraph>
      <Heading level={2}>Verwijderen of inzien</Heading>
      <Paragraph>
        Wilt u weten wat over u bewaard is, of wilt u dat het wordt verwijderd? Stuur een bericht via &lsquo;Melding volgen&rsquo;
        met uw ontvangstcode, of neem contact op met de intermediair. Wij reageren binnen een maand.
      </Paragraph>
      <Paragraph>Deze site gebruikt alleen een technisch noodzakelijk cookie dat formulieren beschermt tegen misbruik.</Paragraph>
    </section>
  );
}
