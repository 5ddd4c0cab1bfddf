// Suggestions as you type in the search page's box: an ARIA 1.2 combobox
// with a listbox popup. Without this script the box is an ordinary search
// field and the form works the same; with it, arrow keys move through the
// suggestions, Enter opens the highlighted one, Escape closes the list, and
// a live region says how many suggestions there are.

const DELAY_MS = 150;
const MIN_LENGTH = 2;

function enhance(wrapper) {
  const input = wrapper.querySelector("input[type=search]");
  if (!input) return;
  const url = wrapper.dataset.suggestUrl;
  const listId = `${input.id}-suggestions`;

  const field = document.createElement("div");
  field.className = "portal-suggest__field";
  input.replaceWith(field);
  field.append(input);

  const list = document.createElement("ul");
  list.id = listId;
  list.className = "portal-suggest__list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Suggestions");
  list.hidden = true;
  field.append(list);

  const status = document.createElement("div");
  status.className = "govuk-visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  field.append(status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);

  let options = [];
  let active = -1;
  let timer = null;
  let controller = null;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    options.forEach((option, i) => {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    active = index;
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function show(suggestions) {
    list.replaceChildren();
    options = suggestions.map((suggestion, i) => {
      const option = document.createElement("li");
      option.id = `${listId}-${i}`;
      option.className = "portal-suggest__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.url = suggestion.url;
      option.textContent = suggestion.title;
      const kind = document.createElement("span");
      kind.className = "portal-suggest__kind";
      kind.textContent = suggestion.kind;
      option.append(kind);
      // mousedown, not click: it comes before the input loses focus.
      option.addEventListener("mousedown", (event) => {
        event.preventDefault();
        window.location.assign(suggestion.url);
      });
      list.append(option);
      return option;
    });
    active = -1;
    if (options.length) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = `${options.length} suggestion${options.length === 1 ? "" : "s"}: use the up and down arrows to choose, Enter to open.`;
    } else {
      close();
      status.textContent = "";
    }
  }

  async function fetchSuggestions() {
    const text = input.value.trim();
    if (text.length < MIN_LENGTH) {
      show([]);
      return;
    }
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`${url}?q=${encodeURIComponent(text)}`, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: controller.signal,
      });
      if (!response.ok) return;
      const data = await response.json();
      // Typing may have moved on while the answer was on its way.
      if (data.query === input.value.trim().split(/\s+/).join(" ")) {
        show(data.suggestions || []);
      }
    } catch (error) {
      if (error.name !== "AbortError") show([]);
    }
  }

  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(fetchSuggestions, DELAY_MS);
  });

  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      if (list.hidden) return;
      event.preventDefault();
      highlight(active + 1 < options.length ? active + 1 : 0);
    } else if (event.key === "ArrowUp") {
      if (list.hidden) return;
      event.preventDefault();
      highlight(active > 0 ? active - 1 : options.length - 1);
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      // Open the chosen suggestion; with none chosen, Enter submits the form.
      event.preventDefault();
      window.location.assign(options[active].dataset.url);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      close();
    }
  });

  input.addEventListener("blur", close);
}

document.querySelectorAll(".portal-suggest[data-suggest-url]").forEach(enhance);
