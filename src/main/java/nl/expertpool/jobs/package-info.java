/**
 * Makes a job worker's database effect happen once per job, however often Zeebe delivers it, turns
 * technical failures into failed jobs with retries and backoff, and takes a refused completion of a
 * job already done calmly.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Jobs",
    allowedDependencies = {"runtime"})
package nl.expertpool.jobs;
