/**
 * Insight synthesis: the recorded interviews aggregated by theme (how many raise it, the needs
 * named most, representative quotes linked to their interviews, suggested solutions), the synthesis
 * document staff review, and the counts clients may see.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Insights",
    allowedDependencies = {
      "audit",
      "engine",
      "forms",
      "interview",
      "jobs",
      "privacy",
      "project",
      "security",
      "tasks",
      "web"
    })
package nl.expertpool.insight;
