package com.bonusdesk.payouts;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The weekly payout job: count the lines the run may take, gather them in chunks, then net them per payee.
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

    @Bean
    Step payoutGather(JobRepository repository, PlatformTransactionManager transactions, PayoutProperties properties,
            JdbcPagingItemReader<Long> dueLines, ItemWriter<Long> gatherer, PayoutRunSteps steps) {
        return new StepBuilder("gather", repository)
                .<Long, Long>chunk(properties.chunkSize())
                .transactionManager(transactions)
                .reader(dueLines)
                .writer(gatherer)
                .listener(progress("GATHERING", steps))
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

    /** The lines still to gather, in id order, a page per chunk; a resumed build skips what it took. */
    @Bean
    @StepScope
    JdbcPagingItemReader<Long> dueLines(DataSource dataSource, PayoutRunSteps steps, PayoutProperties properties,
            @Value("#{jobParameters['runId']}") Long runId) throws Exception {
        PayoutRunSteps.Window window = steps.window(runId);
        return new JdbcPagingItemReaderBuilder<Long>()
                .name("dueLines")
                .dataSource(dataSource)
                .selectClause("select l.id")
                .fromClause("from earned_line l")
                .whereClause(PayoutRunSteps.DUE_LINES)
                .sortKeys(Map.of("id", Order.ASCENDING))
                .parameterValues(Map.of("lastLineId", window.lastLineId(), "cutOff", window.cutOff()))
                .pageSize(properties.chunkSize())
                .rowMapper((row, number) -> row.getLong(1))
                .build();
    }

    @Bean
    @StepScope
    ItemWriter<Long> gatherer(PayoutRunSteps steps, @Value("#{jobParameters['runId']}") Long runId) {
        return chunk -> steps.gather(runId, List.copyOf(chunk.getItems()));
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
