package com.bonusdesk.payouts;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The weekly payout job: count the lines the run may take, gather them a slice of ids per chunk, then net
 * them per payee.
 * One job instance per run (its id is the identifying parameter), so a failed build resumes where it
 * stopped; the business decisions are in {@link PayoutRunSteps} and {@link Netting}.
 */
@Configuration(proxyBeanMethods = false)
class PayoutRunJob {

    static final String NAME = "payoutRun";
    static final String RUN_ID = "runId";

    static JobParameters parameters(long runId) {
        return new JobParametersBuilder().addLong(RUN_ID, runId).toJobParameters();
    }

    /** Builds run in the background, so that the page can show its progress meanwhile. */
    @Bean
    @BatchTaskExecutor
    TaskExecutor payoutRunExecutor() {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("payout-run-");
        executor.setConcurrencyLimit(2);
        return executor;
    }

    @Bean
    Job payoutRun(JobRepository repository, Step payoutCount, Step payoutGather, Step payoutSettle,
            PayoutRunListener listener) {
        return new JobBuilder(NAME, repository)
                .listener(listener)
                .start(payoutCount)
                .next(payoutGather)
                .next(payoutSettle)
                .build();
    }

    @Bean
    Step payoutCount(JobRepository repository, PlatformTransactionManager transactions, PayoutRunSteps steps) {
        return new StepBuilder("count", repository)
                .tasklet((contribution, context) -> {
                    steps.count(runId(contribution.getStepExecution()));
                    return RepeatStatus.FINISHED;
                }, transactions)
                .listener(progress("COUNTING", steps))
                .build();
    }

    /** One chunk per slice of {@code chunk-size} line ids: each moves its lines in one statement. */
    @Bean
    Step payoutGather(JobRepository repository, PlatformTransactionManager transactions,
            ItemReader<PayoutRunSteps.Slice> slices, ItemWriter<PayoutRunSteps.Slice> gatherer, PayoutRunSteps steps,
            BuildShutdown shutdown) {
        return new StepBuilder("gather", repository)
                .<PayoutRunSteps.Slice, PayoutRunSteps.Slice>chunk(1)
                .transactionManager(transactions)
                .reader(slices)
                .writer(gatherer)
                .listener(progress("GATHERING", steps))
                .listener(new ChunkListener<PayoutRunSteps.Slice, PayoutRunSteps.Slice>() {
                    @Override
                    public void afterChunk(Chunk<PayoutRunSteps.Slice> chunk) {
                        StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
                        shutdown.atChunkEnd(step, runId(step));
                    }
                })
                .build();
    }

    @Bean
    Step payoutSettle(JobRepository repository, PlatformTransactionManager transactions, PayoutRunSteps steps) {
        return new StepBuilder("settle", repository)
                .tasklet((contribution, context) -> {
                    steps.settle(runId(contribution.getStepExecution()));
                    return RepeatStatus.FINISHED;
                }, transactions)
                .listener(progress("NETTING", steps))
                .build();
    }

    /**
     * The slices from the first line still to gather to the run's last line. A resumed build starts again
     * from the first line still to gather, so it goes through nothing it already took.
     */
    @Bean
    @StepScope
    ItemReader<PayoutRunSteps.Slice> slices(PayoutRunSteps steps, PayoutProperties properties,
            @Value("#{jobParameters['runId']}") Long runId) {
        PayoutRunSteps.Window window = steps.window(runId);
        long last = window.lastLineId();
        AtomicLong next = new AtomicLong(steps.firstLineToGather(window));
        return () -> {
            long from = next.get();
            if (from > last) {
                return null;
            }
            long to = Math.min(last, from + properties.chunkSize() - 1);
            next.set(to + 1);
            return new PayoutRunSteps.Slice(from, to);
        };
    }

    @Bean
    @StepScope
    ItemWriter<PayoutRunSteps.Slice> gatherer(PayoutRunSteps steps, @Value("#{jobParameters['runId']}") Long runId) {
        PayoutRunSteps.Window window = steps.window(runId);
        return chunk -> chunk.getItems().forEach(slice -> steps.gather(runId, window, slice));
    }

    private static StepExecutionListener progress(String step, PayoutRunSteps steps) {
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution execution) {
                steps.enter(runId(execution), step);
            }
        };
    }

    private static long runId(StepExecution execution) {
        return execution.getJobParameters().getLong(RUN_ID);
    }
}
