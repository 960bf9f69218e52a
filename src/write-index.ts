/** The write Worker's entry (wrangler.writer.toml): reached only through the public Worker's WRITER binding. */
import { createWriteApp } from "./write-app";

export default createWriteApp();
