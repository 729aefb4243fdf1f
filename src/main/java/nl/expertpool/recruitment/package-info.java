/**
 * Recruitment of the pool: the call with its window, applications with informed consent, screening
 * decisions, and the experts the pool consists of.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Recruitment",
    allowedDependencies = {
      "audit",
      "engine",
      "forms",
      "jobs",
      "milestone",
      "notification",
      "privacy",
      "project",
      "security",
      "tasks",
      "web"
    })
package nl.expertpool.recruitment;
