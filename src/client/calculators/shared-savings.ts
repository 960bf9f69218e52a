/** The shared-savings page's and embed frame's browser script: this calculator's engine and presenter, and the form code. */
import { compute, id } from "../../calculators/shared-savings";
import { presentSharedSavings } from "../../views/calculator/presenters/shared-savings";
import { mountCalculator } from "../calculator-engine/mount";

mountCalculator({ id, compute, present: presentSharedSavings });
