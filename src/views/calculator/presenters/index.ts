/** Figures, verdict, charts and steps for any calculator's result: one presenter per calculator. */
import type { AnyCalculatorResult } from "../../../calculators";
import type { Presentation } from "../presentation";
import { presentEpisodeBundle } from "./episode-bundle";
import { presentHsaTaxSavings } from "./hsa-tax-savings";
import { presentMembershipClinic } from "./membership-clinic";
import { presentPatientCostCompare } from "./patient-cost-compare";
import { presentProgramRoi } from "./program-roi";
import { presentSharedSavings } from "./shared-savings";

/** The presentation of any calculator's result. */
export function present(result: AnyCalculatorResult): Presentation {
  switch (result.calculator) {
    case "program-roi":
      return presentProgramRoi(result);
    case "membership-clinic":
      return presentMembershipClinic(result);
    case "patient-cost-compare":
      return presentPatientCostCompare(result);
    case "shared-savings":
      return presentSharedSavings(result);
    case "episode-bundle":
      return presentEpisodeBundle(result);
    case "hsa-tax-savings":
      return presentHsaTaxSavings(result);
  }
}
