// Statement cards are divs with role="button" (a quote is not phrasing content, so it cannot sit in a
// <button>); give them the keyboard behaviour of a button: Enter or Space activates them.
document.addEventListener("keydown", function (event) {
  var target = event.target;
  if ((event.key === "Enter" || event.key === " ") && target && target.matches && target.matches("div[role='button']")) {
    event.preventDefault();
    target.click();
  }
});
