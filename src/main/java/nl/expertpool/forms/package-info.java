/**
 * Camunda forms (form-js JSON) read on the server: the catalog of {@code forms/}, validation of
 * task submissions, the subset of a submission that may become process variables, and the task
 * page's fields rendered as HTML and read back into a submission.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Forms",
    allowedDependencies = {})
package nl.expertpool.forms;
