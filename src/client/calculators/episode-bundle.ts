/** The episode-bundle page's and embed frame's browser script: this calculator's engine and presenter, and the form code. */
import { compute, id } from "../../calculators/episode-bundle";
import { shareColumnsRule } from "../../calculators/share-rules";
import { presentEpisodeBundle } from "../../views/calculator/presenters/episode-bundle";
import { mountCalculator } from "../calculator-engine/mount";

mountCalculator({ id, compute, present: presentEpisodeBundle, rule: shareColumnsRule });
