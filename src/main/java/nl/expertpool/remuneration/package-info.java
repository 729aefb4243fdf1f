/** Hours experts are paid for (training, interviews, sessions), booked once per source. */
@org.springframework.modulith.ApplicationModule(
    displayName = "Remuneration",
    allowedDependencies = {"privacy", "project", "recruitment", "web"})
package nl.expertpool.remuneration;
