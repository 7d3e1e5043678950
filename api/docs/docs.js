// Renders the API's OpenAPI document with Swagger UI (vendored from npm's
// swagger-ui-dist, see README.md beside this file). A file of its own,
// since the content security policy allows no inline script.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: "none",
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
