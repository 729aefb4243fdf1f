/**
 * Makes a job worker's database effect happen once per job, however often Zeebe delivers it, and
 * turns technical failures into failed jobs with retries and backoff.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jobs")
package nl.expertpool.jobs;
