import { act, render, renderHook } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { useControllableState } from './useControllableState.js'

afterEach(() => vi.restoreAllMocks())

describe('useControllableState', () => {
  test('uncontrolled: starts from the default, keeps its own value and reports changes', () => {
    const onChange = vi.fn()
    const { result } = renderHook(() => useControllableState({ defaultProp: 1, onChange, name: 'zoom' }))
    expect(result.current[0]).toBe(1)
    act(() => result.current[1](2))
    expect(result.current[0]).toBe(2)
    expect(onChange).toHaveBeenCalledWith(2)
  })

  test('controlled: reports changes but shows only what the parent passes', () => {
    const onChange = vi.fn()
    const { result } = renderHook(() => useControllableState({ prop: 5, defaultProp: 1, onChange, name: 'zoom' }))
    act(() => result.current[1](6))
    expect(onChange).toHaveBeenCalledWith(6)
    expect(result.current[0]).toBe(5)
  })

  test('updaters chain within one event, controlled or not', () => {
    const onChange = vi.fn()
    function Parent() {
      const [value, setValue] = useState(0)
      const [shown, set] = useControllableState({
        prop: value,
        defaultProp: 0,
        onChange: (next: number) => {
          onChange(next)
          setValue(next)
        },
        name: 'zoom',
      })
      return (
        <button type="button" onClick={() => [1, 2, 3].forEach(() => set((previous) => previous + 1))}>
          {shown}
        </button>
      )
    }
    const { getByRole } = render(<Parent />)
    act(() => getByRole('button').click())
    expect(onChange.mock.calls).toEqual([[1], [2], [3]])
    expect(getByRole('button').textContent).toBe('3')
  })

  test('an equal value is no change', () => {
    const onChange = vi.fn()
    const { result } = renderHook(() =>
      useControllableState({
        defaultProp: { x: 0, y: 0 },
        onChange,
        name: 'crop',
        isEqual: (a, b) => a.x === b.x && a.y === b.y,
      }),
    )
    act(() => result.current[1]({ x: 0, y: 0 }))
    expect(onChange).not.toHaveBeenCalled()
  })

  test('warns in development when switching between controlled and uncontrolled', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { rerender } = renderHook(({ zoom }: { zoom?: number }) => useControllableState({ prop: zoom, defaultProp: 1, name: 'zoom' }), {
      initialProps: { zoom: 2 } as { zoom?: number },
    })
    expect(warn).not.toHaveBeenCalled()
    rerender({ zoom: undefined })
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]![0]).toMatch(/`zoom` changed from controlled to uncontrolled.*`defaultZoom`/)
    rerender({ zoom: 3 })
    expect(warn).toHaveBeenCalledTimes(2)
    expect(warn.mock.calls[1]![0]).toMatch(/from uncontrolled to controlled/)
  })
})
