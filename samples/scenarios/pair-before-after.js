'use strict';
// Two snapshots of ONE process, for the Comparison (diff) view. Node ids are only stable within a
// process, so both must come from the same run.
//
//   before: 2000 Order, 300 Customer, 1000 TempBuffer, 400 plain {alpha, beta}
//   after : half of the Orders and all TempBuffers / {alpha, beta} objects freed;
//           1000 Invoice and 200 more Customer allocated.
//
// Usage: node pair-before-after.js [before-path] [after-path]
//        (defaults: pair-before.heapsnapshot / pair-after.heapsnapshot in the cwd)
const path = require('path');
const snap = require('./snap');

const beforeFile = path.resolve(process.argv[2] || 'pair-before.heapsnapshot');
const afterFile = path.resolve(process.argv[3] || 'pair-after.heapsnapshot');

class Customer {
  constructor(i) {
    this.id = i;
    this.name = `customer-${i}`;
  }
}
class Order {
  constructor(i, customer) {
    this.id = i;
    this.customer = customer;
    this.lines = [i, i + 1, i + 2];
  }
}
class TempBuffer {
  constructor(i) {
    this.bytes = new Uint8Array(256).fill(i & 0xff);
  }
}
class Invoice {
  constructor(order) {
    this.order = order;
    this.total = order.id * 1.5; // a double: one (number) node per Invoice
  }
}

// Everything lives under one global so the diff is easy to reason about.
const state = (global.state = { customers: [], orders: [], temp: [], pairs: [], invoices: [] });
for (let i = 0; i < 300; i++) state.customers.push(new Customer(i));
for (let i = 0; i < 2000; i++) state.orders.push(new Order(i, state.customers[i % 300]));
for (let i = 0; i < 1000; i++) state.temp.push(new TempBuffer(i));
for (let i = 0; i < 400; i++) state.pairs.push({ alpha: `a${i}`, beta: `b${i}` });

snap.write(beforeFile);

state.temp = []; // free all TempBuffers
state.pairs = []; // free all {alpha, beta}
state.orders = state.orders.filter((o) => o.id % 2 === 0); // free every odd Order
for (let i = 300; i < 500; i++) state.customers.push(new Customer(i));
for (const order of state.orders) state.invoices.push(new Invoice(order));

snap.write(afterFile);
