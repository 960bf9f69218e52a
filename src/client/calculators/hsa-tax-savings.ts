/** The hsa-tax-savings page's and embed frame's browser script: this calculator's engine and presenter, and the form code. */
import { compute, id } from "../../calculators/hsa-tax-savings";
import { presentHsaTaxSavings } from "../../views/calculator/presenters/hsa-tax-savings";
import { mountCalculator } from "../calculator-engine/mount";

mountCalculator({ id, compute, present: presentHsaTaxSavings });
