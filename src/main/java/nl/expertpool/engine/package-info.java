/**
 * What the app needs from Zeebe beyond the Camunda client: user tasks, element states, incidents
 * and the clock, behind one port with an embedded and a Camunda REST adapter; and the deployment of
 * {@code bpmn/} and {@code forms/} at start.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Engine",
    allowedDependencies = {"runtime", "web"})
package nl.expertpool.engine;
