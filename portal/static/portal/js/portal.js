// Network Portal front-end entry point (an ES module: loaded with
// <script type="module">, so it only runs in browsers GOV.UK Frontend
// supports, and needs no inline script).
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
