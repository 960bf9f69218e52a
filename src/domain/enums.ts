/**
 * The closed enumerations of the case-study contract, each with its human label.
 * Adding a value here is the one deliberate change every layer (validation, SQL facets, labels, OpenAPI) picks up.
 * Which of them are facets (filters with counts and a glossary page) is declared in facets.ts.
 */

function enumeration<const T extends Record<string, string>>(labels: T) {
  const values = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  return { values, labels, label: (value: string): string => (labels as Record<string, string>)[value] ?? value };
}

export const statuses = /* @__PURE__ */ enumeration({ published: "Published", draft: "Draft", retracted: "Retracted" });

export const provenances = /* @__PURE__ */ enumeration({
  verified: "Verified",
  reported: "Reported",
  illustrative: "Illustrative",
});

export const careSettings = /* @__PURE__ */ enumeration({
  primary_care: "Primary care",
  hospital: "Hospital",
  community_clinic: "Community clinic",
  employer: "Employer",
  health_plan: "Health plan",
  public_program: "Public program",
  multi_site: "Multi-site",
  virtual: "Virtual",
  other: "Other setting",
});

export const payerTypes = /* @__PURE__ */ enumeration({
  medicare: "Medicare",
  medicare_advantage: "Medicare Advantage",
  medicaid: "Medicaid",
  commercial: "Commercial insurance",
  employer_self_insured: "Self-insured employer",
  va: "Veterans Health Administration",
  statutory_insurance: "Statutory health insurance",
  direct_pay: "Direct pay",
  cooperative: "Cooperative",
  philanthropy: "Philanthropy",
  public_health: "Public health",
  research: "Research funding",
  unspecified: "Payer not stated",
});

export const financingModels = /* @__PURE__ */ enumeration({
  coverage_decision: "Coverage decision",
  supplemental_benefit: "Supplemental benefit",
  fee_for_service: "Fee for service",
  bundled_payment: "Bundled payment",
  aco_shared_savings: "ACO shared savings",
  pay_for_performance: "Pay for performance",
  capitation: "Capitation",
  membership_subscription: "Membership / subscription",
  sliding_scale: "Sliding scale",
  employer_wellness_stipend: "Employer wellness stipend",
  hsa_fsa: "HSA / FSA",
  social_impact_bond: "Social impact bond",
  grant: "Grant",
  crowdfunding: "Crowdfunding",
  medicaid_waiver: "Medicaid waiver",
  outcome_based_contract: "Outcome-based contract",
  managed_care_contract: "Managed-care contract",
  budget_allocation: "Budget allocation",
});

export const modalities = /* @__PURE__ */ enumeration({
  acupuncture: "Acupuncture",
  nutrition_counseling: "Nutrition counselling",
  produce_prescription: "Produce prescription",
  medically_tailored_meals: "Medically tailored meals",
  cbt: "Cognitive behavioural therapy",
  mindfulness: "Mindfulness",
  yoga: "Yoga",
  tai_chi: "Tai chi",
  physical_therapy: "Physical therapy",
  chiropractic: "Chiropractic",
  massage: "Massage",
  health_coaching: "Health coaching",
  group_visits: "Group visits",
  doula: "Doula care",
  behavioral_health_integration: "Behavioural health integration",
  cardiac_rehabilitation: "Cardiac rehabilitation",
  lifestyle_program: "Lifestyle programme",
  other: "Other modality",
});

export const conditions = /* @__PURE__ */ enumeration({
  chronic_pain: "Chronic pain",
  low_back_pain: "Low back pain",
  diabetes: "Diabetes",
  prediabetes: "Prediabetes",
  cardiovascular: "Cardiovascular disease",
  hypertension: "Hypertension",
  perinatal: "Perinatal care",
  behavioral_health: "Behavioural health",
  depression_anxiety: "Depression and anxiety",
  opioid_use: "Opioid use",
  obesity: "Obesity",
  general_wellness: "General wellness",
});

export const designs = /* @__PURE__ */ enumeration({
  meta_analysis: "Meta-analysis",
  systematic_review: "Systematic review",
  rct: "Randomised controlled trial",
  quasi_experimental: "Quasi-experimental study",
  cohort: "Cohort study",
  actuarial_certification: "Actuarial certification",
  pre_post: "Pre/post comparison",
  program_report: "Programme report",
  case_report: "Case report",
  illustrative: "Illustrative example",
});

export const populationUnits = /* @__PURE__ */ enumeration({
  patients: "patients",
  members: "members",
  employees: "employees",
  beneficiaries: "beneficiaries",
  births: "births",
  visits: "visits",
  participants: "participants",
  member_months: "member-months",
  studies: "studies",
});

export const metrics = /* @__PURE__ */ enumeration({
  readmissions_30d: "30-day readmissions",
  hospitalizations: "Hospitalisations",
  ed_visits: "Emergency department visits",
  opioid_fills: "Opioid fills",
  opioid_mme: "Opioid dose (MME)",
  total_cost_of_care: "Total cost of care",
  cost_per_patient: "Cost per patient",
  savings_per_patient: "Savings per patient",
  roi_ratio: "Return on investment",
  sick_days: "Sick days",
  preventive_screening: "Preventive screening",
  access: "Access",
  c_section_rate: "Caesarean rate",
  preterm_birth: "Preterm birth",
  low_birthweight: "Low birthweight",
  nicu_admissions: "NICU admissions",
  outpatient_visits: "Outpatient visits",
  advanced_imaging: "Advanced imaging",
  medication_use: "Medication use",
  pharmacy_cost: "Pharmacy cost",
  hba1c: "HbA1c",
  pain_score: "Pain score",
  function_score: "Function score",
  stress_score: "Stress score",
  blood_pressure: "Blood pressure",
  weight: "Weight",
  depression_score: "Depression score",
  adherence: "Adherence",
  productivity: "Productivity",
  revenue_sustainability: "Revenue sustainability",
  other: "Other outcome",
});

export const outcomeKinds = /* @__PURE__ */ enumeration({
  relative_change: "Relative change",
  absolute_change: "Absolute change",
  level: "Level",
  ratio: "Benefit-cost ratio",
  risk_ratio: "Risk ratio",
  odds_ratio: "Odds ratio",
  hazard_ratio: "Hazard ratio",
  standardized_mean_difference: "Standardised mean difference",
});

export const units = /* @__PURE__ */ enumeration({
  percent: "%",
  percentage_points: "pp",
  usd: "USD",
  ratio: ":1",
  sd: "SD",
  count: "count",
  mmol_mol: "mmol/mol",
  percent_hba1c: "% HbA1c",
  mmhg: "mmHg",
  points: "points",
  days: "days",
  minutes: "minutes",
  kg: "kg",
  lb: "lb",
});

export const comparisons = /* @__PURE__ */ enumeration({
  usual_care: "vs usual care",
  control_group: "vs control group",
  matched_cohort: "vs matched cohort",
  pre_period: "vs before",
  benchmark: "vs benchmark",
  none: "no comparison",
});

export const moneyPer = /* @__PURE__ */ enumeration({
  patient: "per patient",
  member: "per member",
  member_month: "per member-month",
  employee: "per employee",
  birth: "per birth",
  episode: "per episode",
  program: "per programme",
});

export const sourceKinds = /* @__PURE__ */ enumeration({
  journal_article: "Journal article",
  government_report: "Government report",
  regulation: "Regulation",
  program_report: "Programme report",
  press_release: "Press release",
  news: "News",
  web_page: "Web page",
  source_document: "Source document",
});
