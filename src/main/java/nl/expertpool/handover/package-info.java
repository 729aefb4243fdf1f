/**
 * The handover to the client: the handover package (results in aggregate, insights per theme, the
 * action agenda with the experts' support, and a method guide) as HTML and PDF, the handover
 * meeting, the client's acceptance and the settlement of the experts' paid time.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Handover",
    allowedDependencies = {
      "audit",
      "feedback",
      "forms",
      "insight",
      "interview",
      "jobs",
      "notification",
      "privacy",
      "project",
      "recruitment",
      "remuneration",
      "security",
      "session",
      "tasks",
      "training",
      "web"
    })
package nl.expertpool.handover;
