/** Training of the pool: sessions, attendance, certification and the hours it earns. */
@org.springframework.modulith.ApplicationModule(
    displayName = "Training",
    allowedDependencies = {
      "audit",
      "forms",
      "jobs",
      "milestone",
      "notification",
      "privacy",
      "project",
      "recruitment",
      "remuneration",
      "tasks"
    })
package nl.expertpool.training;
