/** Who did what and when: an audit event for every worker and API action. */
@org.springframework.modulith.ApplicationModule(
    displayName = "Audit",
    allowedDependencies = {})
package nl.expertpool.audit;
