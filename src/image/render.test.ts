import { describe, expect, it } from 'vitest'
import { qualitySteps, sizeSteps } from './render.js'

describe('encoding budget steps', () => {
  it('steps quality down by 0.1 from the start to the floor, inclusive', () => {
    expect(qualitySteps(0.9, 0.5)).toEqual([0.9, 0.8, 0.7, 0.6, 0.5])
    expect(qualitySteps(0.85, 0.5)).toEqual([0.85, 0.75, 0.65, 0.55])
    expect(qualitySteps(0.5, 0.5)).toEqual([0.5])
  })

  it('steps size down by a quarter each time to the floor, inclusive', () => {
    expect(sizeSteps(1024, 128)).toEqual([1024, 768, 576, 432, 324, 243, 182, 137, 128])
    expect(sizeSteps(256, 256)).toEqual([256])
    expect(sizeSteps(100, 128)).toEqual([100])
  })
})
