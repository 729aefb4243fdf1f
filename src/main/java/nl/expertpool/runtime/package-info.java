/** How the app runs: the embedded PostgreSQL, the start banner and readable start failures. */
@org.springframework.modulith.ApplicationModule(
    displayName = "Runtime",
    allowedDependencies = {})
package nl.expertpool.runtime;
