/** A proposed record and contact details for the submission tests; the contact strings appear nowhere else. */
export const CONTACT = {
  name: "Zebulon Quintavalle-Marsh",
  email: "zq.marsh.4821@example.org",
  organisation: "Quintavalle Evaluation Cooperative",
} as const;

/** Every contact string, for the no-leak sweep (the email's parts too, in case one is rendered alone). */
export const CONTACT_STRINGS = [CONTACT.name, CONTACT.email, CONTACT.organisation, "zq.marsh.4821", "Quintavalle"];

export function proposedRecord(slug: string) {
  return {
    slug,
    title: "County employer acupuncture benefit for back pain",
    summary:
      "A county employer added an acupuncture benefit for staff with low back pain and reported fewer sick days.",
    provenance: "reported",
    setting: { care_setting: "employer", country: "US" },
    payer_types: ["employer_self_insured"],
    financing_models: ["fee_for_service"],
    modalities: ["acupuncture"],
    conditions: ["low_back_pain"],
    design: "program_report",
    population: { description: "County employees with low back pain" },
    outcomes: [
      {
        metric: "sick_days",
        kind: "relative_change",
        value: -12,
        unit: "percent",
        comparison: "pre_period",
        source: "report",
      },
    ],
    sources: [{ key: "report", kind: "program_report", title: "Benefit review", year: 2024 }],
    body: "The county's benefits office reported the change in its annual review.",
  };
}

/** The same submission as the /submit form posts it. */
export function formFields(slug: string, extra: [string, string][] = []): URLSearchParams {
  const r = proposedRecord(slug);
  const o = r.outcomes[0] as Record<string, string | number>;
  const s = r.sources[0] as Record<string, string | number>;
  return new URLSearchParams([
    ["case_study.title", r.title],
    ["case_study.slug", r.slug],
    ["case_study.summary", r.summary],
    ["case_study.provenance", r.provenance],
    ["case_study.design", r.design],
    ["case_study.setting.country", "US"],
    ["case_study.setting.care_setting", "employer"],
    ["case_study.payer_types", "employer_self_insured"],
    ["case_study.financing_models", "fee_for_service"],
    ["case_study.modalities", "acupuncture"],
    ["case_study.conditions", "low_back_pain"],
    ["case_study.population.description", r.population.description],
    ["outcomes_rows", "2"],
    ...Object.entries(o).map(([k, v]): [string, string] => [`case_study.outcomes[0].${k}`, String(v)]),
    ["case_study.outcomes[1].metric", ""],
    ["sources_rows", "1"],
    ...Object.entries(s).map(([k, v]): [string, string] => [`case_study.sources[0].${k}`, String(v)]),
    ["case_study.body", r.body],
    ["contact.name", CONTACT.name],
    ["contact.email", CONTACT.email],
    ["contact.organisation", CONTACT.organisation],
    ["website", ""],
    ...extra,
  ]);
}
