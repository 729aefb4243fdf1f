/** Hours experts are paid for (training, interviews, sessions), booked once per source. */
@org.springframework.modulith.ApplicationModule(displayName = "Remuneration")
package nl.expertpool.remuneration;
