/**
 * The embed frames' one stylesheet: the site's stylesheet reduced to the rules the frames' markup can use
 * (css-prune.ts), then the frame's own rules (src/embeds/styles.ts). One file rather than two, so a frame makes one
 * request for its styles and downloads about a third less CSS than the site's stylesheet plus its own.
 *
 * What a frame's markup can carry is read from the code that renders it: the server's embed routes with everything
 * they import (bundled here, not written), and the browser scripts the frames load, which re-render the same
 * components as you type.
 */
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { embedCss } from "../../src/embeds/styles";
import { siteCss } from "../../src/views/styles";
import { pruneCss, wordsOf } from "./css-prune";

const root = resolve(import.meta.dirname ?? ".", "../..");

/** The frame stylesheet, given the text of every browser script a frame may load. */
export async function frameStylesheet(frameScripts: readonly string[]): Promise<string> {
  const server = await build({
    entryPoints: [join(root, "src/embeds/routes.tsx")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    jsx: "automatic",
    jsxImportSource: "hono/jsx",
    logLevel: "silent",
    // The asset manifests are written after this stylesheet (the first holds its hash, the static data's by the build
    // step after this one): read for words only, they can be empty.
    plugins: [
      {
        name: "no-asset-manifest",
        setup(b) {
          b.onResolve({ filter: /[\\/]generated[\\/](assets|static-data)$/ }, (args) => ({
            path: args.path.endsWith("assets") ? "assets" : "static-data",
            namespace: "no-manifest",
          }));
          b.onLoad({ filter: /.*/, namespace: "no-manifest" }, (args) => ({
            contents: `export const ${args.path === "assets" ? "assetPaths" : "staticDataPaths"} = {};`,
          }));
        },
      },
    ],
  });
  const words = wordsOf(server.outputFiles[0]?.text ?? "", ...frameScripts);
  return `${pruneCss(siteCss, words)}\n${embedCss}`;
}
