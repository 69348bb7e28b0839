// The home page's charts, drawn with ECharts from the figures the page's JSON endpoint returns. The same numbers are
// in the table under each chart, for screen readers and for copying; a chart that cannot be drawn leaves its table.
(function () {
  var board = document.querySelector('[data-figures]');
  if (!board) {
    return;
  }
  document.querySelectorAll('.progress-bar[data-percent]').forEach(function (bar) {
    bar.style.width = Math.min(100, Number(bar.getAttribute('data-percent'))) + '%';
  });
  if (!window.echarts) {
    return;
  }
  fetch(board.getAttribute('data-figures'), {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
    .then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    })
    .then(function (figures) {
      drawEarned(document.getElementById('chart-earned'), figures);
      drawTeam(document.getElementById('chart-team'), figures);
      drawBudgets(document.getElementById('chart-budgets'), figures);
      drawRuns(document.getElementById('chart-runs'), figures);
      drawReferralDecisions(document.getElementById('chart-referral-decisions'), figures);
    })
    .catch(function () {
      document.querySelectorAll('.dashboard-chart').forEach(function (chart) {
        chart.hidden = true;
      });
      document.querySelectorAll('[data-figures] details').forEach(function (table) {
        table.open = true;
      });
    });

  function amountIn(rows, month, rule) {
    return rows.filter(function (row) {
      return row.month === month && (rule === undefined || row.rule === rule);
    }).reduce(function (sum, row) {
      return sum + Number(row.amount);
    }, 0);
  }

  function draw(box, option) {
    var chart = window.echarts.init(box);
    chart.setOption(Object.assign({
      animation: false,
      tooltip: {trigger: 'axis', renderMode: 'richText'},
      legend: {top: 0, type: 'scroll'},
      grid: {left: 60, right: 16, top: 40, bottom: 30},
      yAxis: {type: 'value'}
    }, option));
    box.setAttribute('data-drawn', 'true');
    window.addEventListener('resize', function () {
      chart.resize();
    });
  }

  // Each plan's budget for the period against what its runs spent so far and where the period ends at this pace.
  function drawBudgets(box, figures) {
    if (!box || !figures.budgets) {
      return;
    }
    var names = figures.budgets.map(function (row) { return row.planName; });
    function column(field) {
      return figures.budgets.map(function (row) { return Number(row[field]); });
    }
    draw(box, {
      tooltip: {trigger: 'axis', renderMode: 'richText'},
      xAxis: {type: 'category', data: names},
      series: [
        {name: box.getAttribute('data-label-budget'), type: 'bar', data: column('budget')},
        {name: box.getAttribute('data-label-spent'), type: 'bar', data: column('spent')},
        {name: box.getAttribute('data-label-projected'), type: 'bar', data: column('projected')}
      ]
    });
  }

  // HR's referral decisions per month: approved and rejected side by side.
  function drawReferralDecisions(box, figures) {
    if (!box || !figures.decisionMonths) {
      return;
    }
    function count(month, status) {
      return figures.referralDecisions.filter(function (row) {
        return row.month === month && row.status === status;
      }).reduce(function (sum, row) {
        return sum + row.decided;
      }, 0);
    }
    draw(box, {
      xAxis: {type: 'category', data: figures.decisionMonths},
      series: ['APPROVED', 'REJECTED'].map(function (status) {
        return {
          name: box.getAttribute('data-label-' + status.toLowerCase()), type: 'bar',
          data: figures.decisionMonths.map(function (month) { return count(month, status); })
        };
      })
    });
  }

  // What each weekly run paid, over time.
  function drawRuns(box, figures) {
    if (!box || !figures.runs) {
      return;
    }
    draw(box, {
      xAxis: {type: 'category', data: figures.runs.map(function (run) { return run.weekEnding; })},
      series: [{
        name: box.getAttribute('data-label-total'), type: 'line',
        data: figures.runs.map(function (run) { return Number(run.total); })
      }]
    });
  }

  // The team's earnings by month, one stacked bar per person.
  function drawTeam(box, figures) {
    if (!box || !figures.teamMonths) {
      return;
    }
    var people = {};
    figures.teamEarnings.forEach(function (row) {
      people[row.personId] = row.person;
    });
    draw(box, {
      xAxis: {type: 'category', data: figures.teamMonths},
      series: Object.keys(people).map(function (id) {
        return {
          name: people[id], type: 'bar', stack: 'team',
          data: figures.teamMonths.map(function (month) {
            return figures.teamEarnings.filter(function (row) {
              return String(row.personId) === id && row.month === month;
            }).reduce(function (sum, row) {
              return sum + Number(row.amount);
            }, 0);
          })
        };
      })
    });
  }

  // Earned by month stacked by rule, with what was paid each month as a line over the bars.
  function drawEarned(box, figures) {
    if (!box || !figures.months) {
      return;
    }
    var rules = {};
    figures.earnedByMonth.forEach(function (row) {
      rules[row.rule] = row.ruleName;
    });
    var series = Object.keys(rules).sort().map(function (rule) {
      return {
        name: rules[rule], type: 'bar', stack: 'earned',
        data: figures.months.map(function (month) { return amountIn(figures.earnedByMonth, month, rule); })
      };
    });
    series.push({
      name: box.getAttribute('data-paid-label'), type: 'line',
      data: figures.months.map(function (month) { return amountIn(figures.paidByMonth, month); })
    });
    draw(box, {xAxis: {type: 'category', data: figures.months}, series: series});
  }
})();
