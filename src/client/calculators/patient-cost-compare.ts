/** The patient-cost-compare page's and embed frame's browser script: this calculator's engine and presenter, and the form code. */
import { compute, id } from "../../calculators/patient-cost-compare";
import { presentPatientCostCompare } from "../../views/calculator/presenters/patient-cost-compare";
import { mountCalculator } from "../calculator-engine/mount";

mountCalculator({ id, compute, present: presentPatientCostCompare });
