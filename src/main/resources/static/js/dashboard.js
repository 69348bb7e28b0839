// The charts of the home page, of a plan simulation and of fraud signals, drawn with ECharts from the figures the page carries in its
// data-figures attribute (for the home page, the same map GET /api/v1/me/dashboard returns). The same numbers are in the table under each chart, for screen readers
// and for copying; a chart that cannot be drawn leaves its table open. Clicking a chart opens the list behind it.
(function () {
  var board = document.querySelector('[data-figures]');
  if (!board) {
    return;
  }
  document.querySelectorAll('.progress-bar[data-percent]').forEach(function (bar) {
    bar.style.width = Math.min(100, Number(bar.getAttribute('data-percent'))) + '%';
  });
  try {
    var figures = JSON.parse(board.getAttribute('data-figures'));
    if (!window.echarts) {
      throw new Error('ECharts did not load');
    }
    drawEarned(document.getElementById('chart-earned'), figures);
    drawTeam(document.getElementById('chart-team'), figures);
    drawBudgets(document.getElementById('chart-budgets'), figures);
    drawRuns(document.getElementById('chart-runs'), figures);
    drawReferralDecisions(document.getElementById('chart-referral-decisions'), figures);
    drawCostShare(document.getElementById('chart-cost-share'), figures);
    drawNewClients(document.getElementById('chart-new-clients'), figures);
    drawFunnel(document.getElementById('chart-funnel'), figures);
    drawSimulation(document.getElementById('chart-simulation'), figures);
    document.querySelectorAll('.signal-chart[data-chart]').forEach(drawSignal);
  } catch (failure) {
    document.querySelectorAll('.dashboard-chart').forEach(function (chart) {
      chart.hidden = true;
    });
    document.querySelectorAll('[data-figures] details').forEach(function (table) {
      table.open = true;
    });
  }

  // What the rows that match add up to, reading the field named (an amount as a decimal string, or a count).
  function sumWhere(rows, matches, field) {
    return rows.filter(matches).reduce(function (sum, row) {
      return sum + Number(row[field]);
    }, 0);
  }

  // Draws the chart and opens, on a click anywhere in it, the list behind it: the link of the category (month, run)
  // under the pointer when linkOf names one, data-link-month with the month under the pointer, or data-link.
  function draw(box, option, linkOf) {
    var chart = window.echarts.init(box);
    chart.setOption(Object.assign({
      animation: false,
      tooltip: {trigger: 'axis', renderMode: 'richText'},
      legend: {top: 0, type: 'scroll'},
      grid: {left: 60, right: 16, top: 40, bottom: 30},
      yAxis: {type: 'value'}
    }, option));
    box.setAttribute('data-drawn', 'true');
    box.style.cursor = 'pointer';
    chart.getZr().on('click', function (event) {
      var index = categoryAt(chart, option, [event.offsetX, event.offsetY]);
      var link = index === null ? null
        : linkOf ? linkOf(index)
        : box.getAttribute('data-link-month')
          ? box.getAttribute('data-link-month') + '?month=' + encodeURIComponent(option.xAxis.data[index]) : null;
      link = link || box.getAttribute('data-link');
      if (link) {
        window.location.assign(link);
      }
    });
    window.addEventListener('resize', function () {
      chart.resize();
    });
  }

  // The index of the x-axis category under the point, or null outside the plot or on a chart without categories.
  function categoryAt(chart, option, point) {
    if (!option.xAxis || !chart.containPixel({gridIndex: 0}, point)) {
      return null;
    }
    var at = chart.convertFromPixel({xAxisIndex: 0}, point);
    var index = Math.round(Array.isArray(at) ? at[0] : at);
    return index >= 0 && index < option.xAxis.data.length ? index : null;
  }

  function label(box, name) {
    return box.getAttribute('data-label-' + name);
  }

  // Each plan's budget for the period against what its runs spent so far and where the period ends at this pace.
  function drawBudgets(box, figures) {
    if (!box || !figures.budgets) {
      return;
    }
    function column(field) {
      return figures.budgets.map(function (row) { return Number(row[field]); });
    }
    draw(box, {
      xAxis: {type: 'category', data: figures.budgets.map(function (row) { return row.planName; })},
      series: ['budget', 'spent', 'projected'].map(function (field) {
        return {name: label(box, field), type: 'bar', data: column(field)};
      })
    });
  }

  // HR's referral decisions per month: approved and rejected side by side.
  function drawReferralDecisions(box, figures) {
    if (!box || !figures.decisionMonths) {
      return;
    }
    draw(box, {
      xAxis: {type: 'category', data: figures.decisionMonths},
      series: ['APPROVED', 'REJECTED'].map(function (status) {
        return {
          name: label(box, status.toLowerCase()), type: 'bar',
          data: figures.decisionMonths.map(function (month) {
            return sumWhere(figures.referralDecisions, function (row) {
              return row.month === month && row.status === status;
            }, 'decided');
          })
        };
      })
    });
  }

  // What each weekly run paid, over time; a point opens its run.
  function drawRuns(box, figures) {
    if (!box || !figures.runs) {
      return;
    }
    draw(box, {
      xAxis: {type: 'category', data: figures.runs.map(function (run) { return run.weekEnding; })},
      series: [{
        name: label(box, 'total'), type: 'line',
        data: figures.runs.map(function (run) { return Number(run.total); })
      }]
    }, function (index) {
      return figures.runs[index].link;
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
            return sumWhere(figures.teamEarnings, function (row) {
              return String(row.personId) === id && row.month === month;
            }, 'amount');
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
        data: figures.months.map(function (month) {
          return sumWhere(figures.earnedByMonth, function (row) {
            return row.month === month && row.rule === rule;
          }, 'amount');
        })
      };
    });
    series.push({
      name: box.getAttribute('data-paid-label'), type: 'line',
      data: figures.months.map(function (month) {
        return sumWhere(figures.paidByMonth, function (row) { return row.month === month; }, 'amount');
      })
    });
    draw(box, {xAxis: {type: 'category', data: figures.months}, series: series});
  }

  // Incentive cost and money collected per month as bars, the cost's share of the money as a line on its own axis.
  function drawCostShare(box, figures) {
    if (!box || !figures.costShare) {
      return;
    }
    function column(field) {
      return figures.costShare.map(function (row) { return row[field] === null ? null : Number(row[field]); });
    }
    draw(box, {
      xAxis: {type: 'category', data: figures.companyMonths},
      yAxis: [{type: 'value'}, {type: 'value', axisLabel: {formatter: '{value} %'}}],
      grid: {left: 70, right: 50, top: 40, bottom: 30},
      series: [
        {name: label(box, 'cost'), type: 'bar', data: column('cost')},
        {name: label(box, 'collected'), type: 'bar', data: column('collected')},
        {name: label(box, 'share'), type: 'line', yAxisIndex: 1, data: column('sharePercent')}
      ]
    });
  }

  // New clients won per month.
  function drawNewClients(box, figures) {
    if (!box || !figures.newClients) {
      return;
    }
    draw(box, {
      xAxis: {type: 'category', data: figures.newClients.map(function (row) { return row.month; })},
      yAxis: {type: 'value', minInterval: 1},
      series: [{
        name: label(box, 'clients'), type: 'bar',
        data: figures.newClients.map(function (row) { return row.clients; })
      }]
    });
  }

  // Customer referrals from the first visit to the reward paid, each stage a part of the one before.
  function drawFunnel(box, figures) {
    if (!box || !figures.customerReferralFunnel) {
      return;
    }
    var funnel = figures.customerReferralFunnel;
    draw(box, {
      tooltip: {trigger: 'item', renderMode: 'richText'},
      grid: undefined,
      yAxis: undefined,
      series: [{
        type: 'funnel', sort: 'none', minSize: '10%', top: 30, bottom: 10,
        data: [
          {name: label(box, 'registered'), value: funnel.registered},
          {name: label(box, 'deals-signed'), value: funnel.dealsSigned},
          {name: label(box, 'rewards-approved'), value: funnel.rewardsApproved},
          {name: label(box, 'rewards-paid'), value: funnel.rewardsPaid}
        ]
      }]
    });
  }
  // A simulation's cost per month: the versions in force and the simulated version side by side.
  function drawSimulation(box, figures) {
    if (!box || !figures.byMonth) {
      return;
    }
    draw(box, {
      xAxis: {type: 'category', data: figures.byMonth.map(function (row) { return row.key; })},
      series: [
        {name: label(box, 'baseline'), type: 'bar', data: figures.byMonth.map(function (row) { return Number(row.baseline); })},
        {name: label(box, 'total'), type: 'bar', data: figures.byMonth.map(function (row) { return Number(row.total); })}
      ]
    });
  }
  // A signal's distribution: the share of the person's claims in each band from a boundary, and the company's.
  function drawSignal(box) {
    var chart = JSON.parse(box.getAttribute('data-chart'));
    draw(box, {
      xAxis: {type: 'category', data: chart.bands},
      yAxis: {type: 'value', axisLabel: {formatter: '{value} %'}},
      series: [
        {name: label(box, 'person'), type: 'bar', data: chart.person},
        {name: label(box, 'company'), type: 'bar', data: chart.company}
      ]
    });
  }
})();
