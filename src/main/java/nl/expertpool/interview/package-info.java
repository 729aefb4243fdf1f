/**
 * Network interviews: each certified expert interviews people from their own network. Interviews
 * are stored pseudonymised (the interviewee as a per-project pseudonym, the expert by id) with a
 * coarse profile only; declined and missing interviews are counted but hold no content.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Network interviews",
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
      "tasks",
      "web"
    })
package nl.expertpool.interview;
