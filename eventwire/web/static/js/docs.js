// Start Swagger UI (vendored) on this server's OpenAPI document.
"use strict";
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
                              presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout" });
