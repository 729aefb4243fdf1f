/**
 * User tasks for people: list, read with the linked form and the data it needs, and complete with a
 * submission validated against that form. Submitted text stays in PostgreSQL; the engine gets the
 * choices, numbers and the submission's id.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Tasks",
    allowedDependencies = {"audit", "engine", "forms", "privacy", "project", "security", "web"})
package nl.expertpool.tasks;
