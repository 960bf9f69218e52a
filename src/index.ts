/** The Worker entry: builds the app, nothing else. */
import { createApp } from "./app";

export default createApp();
