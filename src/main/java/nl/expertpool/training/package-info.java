/** Training of the pool: sessions, attendance, certification and the hours it earns. */
@org.springframework.modulith.ApplicationModule(displayName = "Training")
package nl.expertpool.training;
