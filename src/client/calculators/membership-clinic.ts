/** The membership-clinic page's and embed frame's browser script: this calculator's engine and presenter, and the form code. */
import { compute, id } from "../../calculators/membership-clinic";
import { tierSharesRule } from "../../calculators/share-rules";
import { presentMembershipClinic } from "../../views/calculator/presenters/membership-clinic";
import { mountCalculator } from "../calculator-engine/mount";

mountCalculator({ id, compute, present: presentMembershipClinic, rule: tierSharesRule });
