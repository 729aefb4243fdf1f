/**
 * Camunda forms (form-js JSON) read on the server: the catalog of {@code forms/}, validation of
 * task submissions and the subset of a submission that may become process variables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Forms")
package nl.expertpool.forms;
