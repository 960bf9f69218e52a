/** The program-roi page's and embed frame's browser script: this calculator's engine and presenter, and the form code. */
import { compute, id } from "../../calculators/program-roi";
import { presentProgramRoi } from "../../views/calculator/presenters/program-roi";
import { mountCalculator } from "../calculator-engine/mount";

mountCalculator({ id, compute, present: presentProgramRoi });
